"""Figures and tables, one module per concept. Views draw what models and content return and
decide nothing of their own: a number, label or threshold comes from the model. ``style``
holds the palette and the figure factory every view uses."""
