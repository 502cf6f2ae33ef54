"""The drag-and-drop attribute form of a twin layer: one tab per card section, as the card shows the subject.

Read straight from the catalog's ``cards`` JSON: the first tab holds the card's attributes, each section backed by a
key relation whose parent is this layer becomes a tab with the child table (QGIS relation editor: add, delete,
save, zoom — "add child" fills in the key), and a last tab holds the layer's remaining fields, so nothing is hidden.
Sections from spatial relations (signs near a street, …) have no form counterpart and are left out.
Key relations must be registered in the project first (:mod:`.project_relations`).
"""

from __future__ import annotations

import re
from typing import Any

from qgis.core import (
    QgsAttributeEditorContainer,
    QgsAttributeEditorField,
    QgsAttributeEditorRelation,
    QgsEditFormConfig,
    QgsExpression,
    QgsProject,
    QgsVectorLayer,
)

from .catalog import Catalog
from .compat import make_tab
from .forms import relation_id
from .maintenance_spec import maintenance_spec
from .tr import tr

RELATION_BUTTONS = "AddChildFeature|DeleteChildFeature|SaveChildEdits|ZoomToChildFeature"



def _text(title: Any, language: str, fallback: str) -> str:
    if isinstance(title, dict):
        text = title.get("sv" if language.startswith("sv") else "en")
        if isinstance(text, str) and text:
            return text
    return fallback


def template_expression(template: str) -> str:
    """A card template ``"{street_name} ({segment_id})"`` as a QGIS expression (fields quoted, text literal)."""
    parts = []
    for text, name in re.findall(r"([^{]*)(?:\{([^}]*)\})?", template):
        if text:
            parts.append(QgsExpression.quotedString(text))
        if name:
            parts.append(QgsExpression.quotedColumnRef(name))
    return f"concat({', '.join(parts)})" if len(parts) > 1 else (parts[0] if parts else "''")


def apply_form_layout(catalog: Catalog, layer_id: str, layer: QgsVectorLayer, project: QgsProject,
                      language: str) -> bool:
    """Give ``layer`` the tabbed form of its card; False (auto-generated form kept) when it has no card."""
    cards = catalog.extra.get("cards")
    card = cards.get(layer_id) if isinstance(cards, dict) else None
    if not isinstance(card, dict):
        return False
    fields = layer.fields()
    pk = set(layer.primaryKeyAttributes())
    spec = maintenance_spec(catalog)
    children = {r.id: r for r in spec.children_of(layer_id)}
    config = layer.editFormConfig()
    root = config.invisibleRootContainer()
    root.clear()
    placed: set[str] = set()

    main = QgsAttributeEditorContainer(tr("Attributes"), root)
    make_tab(main)
    attributes = [a for a in card.get("attributes", []) if isinstance(a, str)]
    for name in attributes + sorted(spec.derived_fields(layer_id)):
        index = fields.indexFromName(name)
        if index >= 0 and name not in placed:
            main.addChildElement(QgsAttributeEditorField(name, index, main))
            placed.add(name)
    root.addChildElement(main)

    for section in card.get("sections", []):
        if not isinstance(section, dict):
            continue
        key_relation = children.get(section.get("relation"))
        relation = project.relationManager().relation(relation_id(key_relation.id)) if key_relation else None
        if relation is None or not relation.isValid():
            continue
        child = relation.referencingLayer()
        if child is not None and isinstance(section.get("item_title"), str):
            child.setDisplayExpression(template_expression(section["item_title"]))  # the rows as the card lists them
        tab = QgsAttributeEditorContainer(_text(section.get("title"), language, key_relation.child), root)
        make_tab(tab)
        editor = QgsAttributeEditorRelation(relation, tab)
        editor.setShowLabel(False)
        editor.setRelationWidgetTypeId("relation_editor")
        editor.setRelationEditorConfiguration({"buttons": RELATION_BUTTONS, "show_first_feature": True})
        tab.addChildElement(editor)
        root.addChildElement(tab)

    rest = [fields.at(i).name() for i in range(fields.count())
            if i not in pk and fields.at(i).name() not in placed]
    if rest:
        more = QgsAttributeEditorContainer(tr("More"), root)
        make_tab(more)
        for name in rest:
            more.addChildElement(QgsAttributeEditorField(name, fields.indexFromName(name), more))
        root.addChildElement(more)
    config.setLayout(QgsEditFormConfig.EditorLayout.TabLayout)
    layer.setEditFormConfig(config)
    return True
