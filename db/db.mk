# Local PostgreSQL + PostGIS cluster (the distribution's major version) with the demo twin (included from the main Makefile).
#   make db        start the cluster (build/pg), apply db/migrations, load the demo twin into schemas twin/ideas
#   make db-stop   stop it
#   make db-status is it running, on which port
# Connect with: eval "$$(db/pg.sh env)"; psql service=digiresan   (or digiresan_editor/_coordinator/_admin)
SYS_PY    ?= /usr/bin/python3
DEMO_GPKG ?= build/demo/ostersund_twin.gpkg

.PHONY: db db-stop db-status

db:
	@bash db/pg.sh start
	@$(SYS_PY) db/migrate.py
	@$(MAKE) --no-print-directory demo
	@bash db/load_twin.sh $(DEMO_GPKG)
	@echo 'Connect: eval "$$(db/pg.sh env)"; psql service=digiresan   |   make db-stop to stop'

db-stop:
	@bash db/pg.sh stop

db-status:
	@bash db/pg.sh status
