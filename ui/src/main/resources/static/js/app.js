// Vigil UI progressive enhancement. Every page works without this file; it only adds
// conveniences: auto-submitting filters, infinite scroll, keyboard navigation, live
// updates, theme switching in place and the browser's time zone for server-side times.
(function () {
	'use strict';

	function csrf(form) {
		var input = form && form.querySelector('input[name="_csrf"]');
		return input ? input.value : null;
	}

	// Tell the server the browser's time zone once; times use it from the next page on.
	try {
		var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
		if (zone && document.cookie.indexOf('vigil_tz=' + encodeURIComponent(zone)) === -1) {
			document.cookie = 'vigil_tz=' + encodeURIComponent(zone) + '; path=/; max-age=31536000; SameSite=Lax';
		}
	} catch (e) { /* no Intl: the server's default zone is used */ }

	// Filters submit as soon as a choice changes.
	document.querySelectorAll('[data-autosubmit]').forEach(function (input) {
		input.addEventListener('change', function () { input.form.requestSubmit ? input.form.requestSubmit() : input.form.submit(); });
	});
	// A slider submits when the pointer lets go; from the keyboard, once the keys rest, and
	// the reloaded page gives the slider its focus back (each arrow key is a "change").
	document.querySelectorAll('input[type=range][data-output]').forEach(function (range) {
		var output = range.form.querySelector('output[data-for="' + range.name + '"]');
		var pointer = false;
		var timer = null;
		var submit = function () {
			try { window.sessionStorage.setItem('vigil-focus', range.name); } catch (e) { /* private mode */ }
			range.form.requestSubmit ? range.form.requestSubmit() : range.form.submit();
		};
		range.addEventListener('pointerdown', function () { pointer = true; });
		range.addEventListener('input', function () { if (output) { output.textContent = range.value + ' %'; } });
		range.addEventListener('change', function () {
			window.clearTimeout(timer);
			if (pointer) { pointer = false; submit(); }
			else { timer = window.setTimeout(submit, 1200); }
		});
		range.addEventListener('keydown', function (event) {
			if (event.key === 'Enter') { event.preventDefault(); window.clearTimeout(timer); submit(); }
		});
		try {
			if (window.sessionStorage.getItem('vigil-focus') === range.name) {
				window.sessionStorage.removeItem('vigil-focus');
				range.focus();
			}
		} catch (e) { /* private mode */ }
	});

	// Theme: flip in place, remember it on the server (a CSRF-protected form post).
	var themeForm = document.querySelector('[data-theme-form]');
	if (themeForm) {
		themeForm.addEventListener('submit', function (event) {
			event.preventDefault();
			var next = themeForm.querySelector('input[name="theme"]');
			var chosen = next.value;
			document.documentElement.setAttribute('data-theme', chosen);
			fetch(themeForm.action, { method: 'POST', body: new FormData(themeForm), credentials: 'same-origin', redirect: 'manual' });
			next.value = chosen === 'dark' ? 'light' : 'dark';
			var button = themeForm.querySelector('button');
			button.setAttribute('aria-label', chosen === 'dark' ? 'Switch to light theme' : 'Switch to dark theme');
		});
	}

	// Confirmation for destructive forms.
	document.querySelectorAll('form[data-confirm]').forEach(function (form) {
		form.addEventListener('submit', function (event) {
			if (!window.confirm(form.getAttribute('data-confirm'))) { event.preventDefault(); }
		});
	});

	// Copy buttons (API client secret).
	document.querySelectorAll('[data-copy]').forEach(function (button) {
		button.addEventListener('click', function () {
			var source = document.querySelector(button.getAttribute('data-copy'));
			if (source && navigator.clipboard) {
				navigator.clipboard.writeText(source.textContent.trim()).then(function () { button.textContent = 'Copied'; });
			}
		});
	});

	// Retry link on the "catalog unavailable" page.
	document.querySelectorAll('[data-reload]').forEach(function (link) {
		link.addEventListener('click', function (event) { event.preventDefault(); window.location.reload(); });
	});

	// Event page: arrow keys step through the event's media.
	if (document.body.getAttribute('data-page') === 'event') {
		document.addEventListener('keydown', function (event) {
			if (event.altKey || event.ctrlKey || event.metaKey) { return; }
			var target = event.target;
			if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'VIDEO' || target.isContentEditable)) { return; }
			var link = null;
			if (event.key === 'ArrowLeft') { link = document.getElementById('prev-media'); }
			if (event.key === 'ArrowRight') { link = document.getElementById('next-media'); }
			if (link) { event.preventDefault(); window.location.assign(link.href); }
		});
		// Bring the selected item into view inside the strip, without scrolling the page.
		var current = document.querySelector('.filmstrip .current');
		if (current) { current.parentNode.scrollLeft = current.offsetLeft - current.parentNode.clientWidth / 2; }
	}

	// Timeline: load older events when the "Older events" link scrolls into view.
	var more = document.querySelector('[data-load-more]');
	var list = document.getElementById('event-list');
	if (more && list && 'IntersectionObserver' in window) {
		var loading = false;
		var observer = new IntersectionObserver(function (entries) {
			if (!entries[0].isIntersecting || loading || !more) { return; }
			loading = true;
			fetch(more.href, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
				.then(function (response) {
					if (!response.ok || response.redirected) { throw new Error('page ' + response.status); }
					return response.text();
				})
				.then(function (html) {
					var page = new DOMParser().parseFromString(html, 'text/html');
					var items = page.querySelectorAll('#event-list > li');
					items.forEach(function (item) { list.appendChild(document.importNode(item, true)); });
					var next = page.querySelector('[data-load-more]');
					if (next) { more.href = next.href; loading = false; }
					else { observer.disconnect(); more.parentNode.remove(); more = null; }
				})
				.catch(function () { observer.disconnect(); /* the link still works as a plain link */ });
		}, { rootMargin: '400px' });
		observer.observe(more);
	}

	// Live page: new uploads from the UI's event stream, prepended as cards.
	var liveList = document.getElementById('live-list');
	if (liveList && window.EventSource) {
		var status = document.getElementById('live-status');
		var template = document.getElementById('live-card-template');
		var setStatus = function (state, text) {
			status.setAttribute('data-state', state);
			status.querySelector('.text').textContent = text;
		};
		var source = new EventSource(liveList.getAttribute('data-live-source'));
		source.addEventListener('open', function () { setStatus('connected', 'Live'); });
		source.addEventListener('status', function (event) {
			var data = JSON.parse(event.data);
			if (data.state === 'connected') { setStatus('connected', 'Live'); }
			else { setStatus('reconnecting', 'Catalog unavailable, retrying…'); }
		});
		source.addEventListener('error', function () { setStatus('reconnecting', 'Reconnecting…'); });
		source.addEventListener('media', function (event) {
			var item = JSON.parse(event.data);
			var existing = liveList.querySelector('[data-media-id="' + item.id + '"]');
			var card = existing || template.content.firstElementChild.cloneNode(true);
			card.setAttribute('data-media-id', item.id);
			card.querySelector('a').href = item.href;
			// textContent only: nothing from the stream is ever parsed as markup.
			card.querySelector('.camera').textContent = item.camera;
			var time = card.querySelector('time');
			time.textContent = item.time;
			time.setAttribute('datetime', item.timestamp);
			var person = card.querySelector('.badge.person');
			if (item.person > 0) { person.textContent = item.person + ' %'; person.hidden = false; }
			card.querySelector('.badge.count').hidden = item.kind !== 'VIDEO';
			var img = card.querySelector('img');
			// The thumbnail may not exist yet (processing follows the upload): retry on "processed".
			img.onerror = function () { img.style.visibility = 'hidden'; };
			img.style.visibility = '';
			img.src = item.thumbnail + (existing ? '?v=' + Date.now() : '');
			if (!existing) {
				liveList.insertBefore(card, liveList.firstChild);
				var empty = document.getElementById('live-empty');
				if (empty) { empty.remove(); }
				while (liveList.children.length > 60) { liveList.removeChild(liveList.lastElementChild); }
			}
		});
	}
})();
