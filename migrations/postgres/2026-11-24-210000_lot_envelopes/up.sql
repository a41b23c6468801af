-- Which programme envelope (by its position, 1-based) a lot draws on.
ALTER TABLE lots ADD COLUMN envelope_position INTEGER;
