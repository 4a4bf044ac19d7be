"""What the indicators module adds to the navigation and the place pages."""
