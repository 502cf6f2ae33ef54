"""Coordination of street works over the whole network (no widgets): the catalog's ``coordination`` key
(:mod:`.config`), plain-data rules (:mod:`.classes` conflict classes, :mod:`.lifecycle` the dig-ban lifecycle,
:mod:`.work_window`), the twin read into plain data (:mod:`.reader`), the board (:mod:`.board`) and the handling
notes (:mod:`.notes`)."""
