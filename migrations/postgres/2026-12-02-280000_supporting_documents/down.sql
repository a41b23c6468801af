DROP TABLE supporting_checks;
