DROP TABLE staff_reminders;
