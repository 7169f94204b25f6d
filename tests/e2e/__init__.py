"""Real-browser tests of the dashboard (Playwright + Debian's Chromium)."""
