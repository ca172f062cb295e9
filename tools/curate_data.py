"""Old entry point, kept as a wrapper: ``python -m course_lib data refresh --sources ../shared/data/sources --out data``."""
import sys; from pathlib import Path; from course_lib.cli import main  # noqa: E401,E702
sys.exit(main(["data", "refresh", "--sources", str(Path(__file__).resolve().parents[2] / "shared/data/sources"), "--out", str(Path(__file__).resolve().parents[1] / "data"), *sys.argv[1:]]))
