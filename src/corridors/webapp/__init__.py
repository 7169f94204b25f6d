"""The dashboard as Streamlit serves it: ``app.py``, ``.streamlit/config.toml``, ``static/``.

Streamlit serves the ``static/`` folder beside its main script and reads its settings
from ``.streamlit/`` in its working directory, so the three live together here, as
package data; ``corridors serve`` runs the script with this folder as working directory.
"""
