"""Knotwise in Firefox (WebDriver BiDi) and WebKit (WebKitGTK WebDriver), beside Chromium."""
