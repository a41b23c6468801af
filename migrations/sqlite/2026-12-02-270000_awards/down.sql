DROP TABLE award_decisions;
DROP TABLE evaluation_reports;
