"""Who is invited to what (guests), the decisions and invitations written from templates (letters)
and how they leave: drafts, mail merge or SMTP, with a send log (delivery)."""
