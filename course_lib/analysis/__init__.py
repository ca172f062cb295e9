"""Computations behind the notebooks, one module per concept (population shares,
membership, violence, seizures, development, heritage). Plain functions of data,
unit-tested, with no plotting and no widgets."""
