"""Matching mentees to mentors: competence tags (tags), the score of every pair (scoring), the best
whole assignment (assignment), a cohort's run with its reasons (runs) and how it is shown (report).
Depends on nothing but the platform."""
