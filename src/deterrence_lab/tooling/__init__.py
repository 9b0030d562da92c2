"""The command line (``deterrence-lab``), the launcher that copies the notebooks without
ever overwriting them, the static-site builder and the exercise generator."""
