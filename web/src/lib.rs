//! The Vigilance web app (work in progress: see the web issue).
