-- 008: paving-plan scenarios. An accepted budget scenario (digiresan:budget_scenario with ACCEPT, or
-- core/investment/plan.py) writes its rows into twin.paving_plan marked with its scenario id, in one transaction;
-- deleting the rows with that id undoes it. Rows without an id are the plan as entered by hand.
-- db/load_twin.sh replaces twin.paving_plan from a GeoPackage: a GeoPackage whose plan already has the column keeps
-- it; otherwise re-run this migration (python3 db/migrate.py --reapply) after a load.
DO $$
BEGIN
    IF to_regclass('twin.paving_plan') IS NOT NULL THEN
        ALTER TABLE twin.paving_plan ADD COLUMN IF NOT EXISTS scenario_id text;
        COMMENT ON COLUMN twin.paving_plan.scenario_id IS
            'Budget scenario that wrote the row (NULL: entered by hand); delete by it to undo an accepted scenario';
        CREATE INDEX IF NOT EXISTS paving_plan_scenario_idx ON twin.paving_plan (scenario_id);
    END IF;
END
$$;
