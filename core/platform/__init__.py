"""The platform every area stands on: words in both languages (i18n), today (clock), files that
leave Mentorplan (files), where its own files are (paths), the login (auth) and the backup file."""
