"""The only modules that import streamlit."""
