-- One row per reminder sent, so that every portal node sends each reminder once.
CREATE TABLE staff_reminders (
    subject_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    sent_on DATE NOT NULL,
    sent_at TIMESTAMP NOT NULL,
    PRIMARY KEY (subject_id, kind, sent_on)
);
