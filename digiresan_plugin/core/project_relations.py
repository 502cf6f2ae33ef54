"""The catalog's key relations as ``QgsRelation``s of the project (parent form → child tables).

Registered after every load (layer ids change when a twin is reloaded); the ids are the catalog's, prefixed, so
relations the user made are left alone. Strength "association": deleting a parent never deletes its children
(nothing lost; the quality report lists orphans and PostGIS refuses them).
"""

from __future__ import annotations

from qgis.core import QgsProject, QgsRelation

from .catalog import Catalog
from .forms import relation_id
from .layers import twin_layers
from .maintenance_spec import maintenance_spec

PREFIX = relation_id("")


def register_key_relations(catalog: Catalog, project: QgsProject) -> list[str]:
    """Add (or replace) the project relations of the catalog's key relations; returns their ids."""
    manager = project.relationManager()
    for existing in list(manager.relations()):
        if existing.startswith(PREFIX):
            manager.removeRelation(existing)
    layers = twin_layers(project)
    added: list[str] = []
    for rel in maintenance_spec(catalog).key_relations:
        parent, child = layers.get(rel.parent), layers.get(rel.child)
        if parent is None or child is None:
            continue
        relation = QgsRelation()
        relation.setId(relation_id(rel.id))
        relation.setName(child.name())
        relation.setReferencedLayer(parent.id())
        relation.setReferencingLayer(child.id())
        relation.addFieldPair(rel.child_field, rel.parent_field)
        relation.setStrength(QgsRelation.RelationStrength.Association)
        if relation.isValid():
            manager.addRelation(relation)
            added.append(relation.id())
    return added
