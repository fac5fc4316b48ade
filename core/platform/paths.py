"""Where Mentorplan's own files are: the project root and its data/ folder."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = ROOT / "data"
