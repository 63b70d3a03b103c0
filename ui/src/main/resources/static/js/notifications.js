// Delivery log after "send test": reload while the test is pending (the server stops
// asking after a few tries). The page works without it ("Refresh").
(function () {
	'use strict';
	var panel = document.querySelector('[data-reload]');
	if (!panel) { return; }
	var next = panel.getAttribute('data-reload');
	if (!next) { return; }
	window.setTimeout(function () { window.location.replace(window.location.pathname + next); }, 2000);
})();
