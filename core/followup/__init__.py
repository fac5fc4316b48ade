"""Following the pairs: pair meetings, the check-in sheet and attendance (meetings), the three-party
conversation (three_party), the cohort report (report), what to do next (todo) and the example
follow-up."""
