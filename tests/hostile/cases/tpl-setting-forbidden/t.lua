-- A province template whose settings carry a character XML forbids; nd30 passes each on to the
-- builder (doc:settings, doc:paragraph, styles).
return require("nd30").extend{ settings = SETTINGS }
