// Camera settings card: poll until the camera's first upload has arrived, then turn the
// indicator green. The page works without it ("Check again" reloads).
(function () {
	'use strict';
	var indicator = document.querySelector('[data-first-upload]');
	if (!indicator || indicator.classList.contains('arrived')) { return; }
	var url = indicator.getAttribute('data-first-upload');
	var text = indicator.querySelector('.text');
	var timer = window.setInterval(function () {
		fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
			.then(function (response) { return response.ok ? response.json() : null; })
			.then(function (state) {
				if (state && state.arrived) {
					window.clearInterval(timer);
					indicator.classList.add('arrived');
					text.textContent = 'First upload arrived: ' + state.at;
					var again = indicator.querySelector('a');
					if (again) { again.remove(); }
				}
			})
			.catch(function () { /* try again on the next tick */ });
	}, 3000);
})();
