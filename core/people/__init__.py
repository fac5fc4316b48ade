"""The people: reading sign-up files (reading), which column fills which field (columns), checking
every value (validation), the register across cohorts (register), the sign-up template and the
example participants."""
