"""The service desks, one module each, all built on ui.desks.base.Desk."""
