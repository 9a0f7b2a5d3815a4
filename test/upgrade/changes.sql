ALTER FUNCTION bounce.rate(bounce.tally) VOLATILE
ALTER FUNCTION bounce.rate(bounce.tally) PARALLEL RESTRICTED
ALTER FUNCTION bounce.rate(bounce.tally) CALLED ON NULL INPUT
ALTER FUNCTION bounce.rate(bounce.tally) COST 7
ALTER FUNCTION bounce.rebuild(regclass) SET work_mem = '64MB'
ALTER FUNCTION bounce.rebuild(regclass) SECURITY DEFINER
GRANT EXECUTE ON FUNCTION bounce.track() TO PUBLIC
COMMENT ON FUNCTION bounce.rate(bounce.tally) IS 'changed'
ALTER AGGREGATE bounce.tally(bounce.kind) RENAME TO tally_renamed
ALTER TYPE bounce.tier ADD VALUE 'sublime' BEFORE 'excellent'
ALTER TYPE bounce.tally SET (SEND = bounce.tally_send, RECEIVE = NONE)
GRANT USAGE ON TYPE bounce.tally TO PUBLIC
ALTER TABLE bounce.rule ALTER COLUMN note SET DEFAULT 'x'
ALTER TABLE bounce.rule ALTER COLUMN note TYPE varchar(2000)
ALTER TABLE bounce.rule ADD COLUMN extra integer
ALTER TABLE bounce.rule ADD CONSTRAINT rule_extra CHECK (priority > -1000) NOT VALID
ALTER TABLE bounce.rule DROP CONSTRAINT rule_pattern_length
CREATE INDEX rule_note ON bounce.rule (note)
CREATE TRIGGER rule_extra BEFORE INSERT ON bounce.rule FOR EACH ROW EXECUTE FUNCTION bounce.refuse_suppressed('address=note')
ALTER TABLE bounce.policy ENABLE ROW LEVEL SECURITY
CREATE POLICY policy_all ON bounce.policy USING (true)
GRANT SELECT ON bounce.policy TO PUBLIC
GRANT UPDATE (note) ON bounce.rule TO PUBLIC
GRANT USAGE ON SCHEMA bounce TO PUBLIC
CREATE OR REPLACE VIEW bounce.confirmed_addresses AS SELECT * FROM bounce.confirmed_addresses WHERE true
UPDATE pg_catalog.pg_extension SET extcondition[1] = 'WHERE true' WHERE extname = 'bounce'
CREATE FUNCTION bounce.stray() RETURNS int LANGUAGE sql AS 'SELECT 1'
ALTER EXTENSION bounce DROP FUNCTION bounce.complaints(bounce.tally)
ALTER OPERATOR bounce.= (bounce.tally, bounce.tally) SET (RESTRICT = NONE)
ALTER TABLE bounce.address_state SET (fillfactor = 60)
