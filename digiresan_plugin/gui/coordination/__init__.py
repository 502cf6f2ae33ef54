"""The coordination board dock (:mod:`.dock`) and its handling editor (:mod:`.handling`)."""
