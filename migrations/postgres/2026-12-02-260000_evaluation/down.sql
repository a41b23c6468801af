DROP TABLE divergence_resolutions;
DROP TABLE assessor_assignments;
DROP TABLE committee_declarations;
DROP TABLE committee_members;
