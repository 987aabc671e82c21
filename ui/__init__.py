"""The kiosk's Qt front end: widgets only; every database call goes through ui.worker."""
