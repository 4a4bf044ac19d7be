# samen.core spans the modules and holds no model of its own.
