DROP TABLE call_openings;
DROP TABLE late_submissions;
