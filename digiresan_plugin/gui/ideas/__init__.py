"""The ideas dock and its parts, one widget per module: :mod:`.dock` puts together :mod:`.filter_bar`,
:mod:`.table_view` (over :mod:`.table_model`), :mod:`.detail_view`, :mod:`.decision_editor`,
:mod:`.summary_panel`, :mod:`.conflict_dialog` and :mod:`.map_layer`; the ideas come from
:class:`~digiresan_plugin.core.ideas.store.IdeasStore`."""
