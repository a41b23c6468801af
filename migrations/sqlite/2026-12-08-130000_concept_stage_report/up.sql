-- SEL-03 in a restricted call: the concept-note stage has its own report, approved by the
-- EU Delegation before anyone is invited or told; the full stage's follows.
ALTER TABLE evaluation_reports ADD COLUMN stage TEXT NOT NULL DEFAULT 'full';
