"""The calendar: the manual's rules as data (rules), the dates of both tracks for any year
(programme, workdays), the schedule shown and exported (schedule, files), what is on now (agenda)
and the timeline and year wheel (charts)."""
