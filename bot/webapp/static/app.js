/* The progress and settings Mini App: reads Telegram's launch parameters, loads the person's
 * overview from the bot (signed by Telegram's initData), and renders five tabs. Every word it
 * shows comes from the API's `texts`; this file holds no words of any language. */
(function () {
  'use strict';

  // --- Telegram: launch parameters and the event bridge -------------------------------------
  // Telegram opens a Mini App with `#tgWebAppData=…&tgWebAppThemeParams=…` in the URL; its own
  // script (not used here, so nothing loads from a CDN) reads them the same way and keeps them
  // for a reload within the tab, as done here too.

  function readLaunch() {
    var params = new URLSearchParams(location.hash.slice(1));
    var stored = {};
    try { stored = JSON.parse(sessionStorage.getItem('launch') || '{}'); } catch (e) { /* none */ }
    var telegram = window.Telegram && window.Telegram.WebApp;
    var launch = {
      initData: params.get('tgWebAppData') || (telegram && telegram.initData) || stored.initData || '',
      theme: params.get('tgWebAppThemeParams') || stored.theme || '',
    };
    try { sessionStorage.setItem('launch', JSON.stringify(launch)); } catch (e) { /* private mode */ }
    return launch;
  }

  function postEvent(type, data) {
    var body = data === undefined ? '' : data;
    try {
      if (window.TelegramWebviewProxy) {
        window.TelegramWebviewProxy.postEvent(type, JSON.stringify(body));
      } else if (window.external && 'notify' in window.external) {
        window.external.notify(JSON.stringify({ eventType: type, eventData: body }));
      } else if (window.parent !== window) {
        window.parent.postMessage(JSON.stringify({ eventType: type, eventData: body }), '*');
      }
    } catch (e) { /* outside Telegram: nothing to tell */ }
  }

  function onTelegramEvent(handler) {
    // Mobile clients call Telegram.WebView.receiveEvent; web clients post a message.
    window.Telegram = window.Telegram || {};
    var view = window.Telegram.WebView || (window.Telegram.WebView = {});
    var earlier = view.receiveEvent;
    view.receiveEvent = function (type, data) {
      handler(type, data);
      if (earlier) earlier(type, data);
    };
    window.addEventListener('message', function (event) {
      if (event.source !== window.parent || window.parent === window) return;
      try {
        var message = JSON.parse(event.data);
        if (message && message.eventType) handler(message.eventType, message.eventData);
      } catch (e) { /* not Telegram's */ }
    });
  }

  // --- Theme: Telegram's colours as CSS variables, made readable ----------------------------

  var THEME_VARS = {
    bg_color: '--bg', secondary_bg_color: '--surface', text_color: '--text', hint_color: '--hint',
    link_color: '--link', button_color: '--accent', button_text_color: '--on-accent',
  };
  var READABLE = 4.5; // WCAG AA for body text

  function parseColor(value) {
    var hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(String(value || '').trim());
    if (!hex) return null;
    var h = hex[1].length === 3 ? hex[1].replace(/./g, '$&$&') : hex[1];
    return [0, 2, 4].map(function (i) { return parseInt(h.slice(i, i + 2), 16); });
  }

  function toHex(rgb) {
    return '#' + rgb.map(function (c) { return Math.round(c).toString(16).padStart(2, '0'); }).join('');
  }

  function luminance(rgb) {
    var lin = rgb.map(function (c) {
      var s = c / 255;
      return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
  }

  function contrast(a, b) {
    var la = luminance(a), lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  // Rounded as it will be written, so a colour checked here is the colour shown.
  function mix(a, b, t) {
    return a.map(function (c, i) { return Math.round(c + (b[i] - c) * t); });
  }

  // `color` moved toward `toward` just enough to read at 4.5:1 on every background given.
  function readableOn(color, backgrounds, toward) {
    for (var t = 0; t <= 1.0001; t += 0.05) {
      var candidate = mix(color, toward, t);
      if (backgrounds.every(function (bg) { return contrast(candidate, bg) >= READABLE; })) {
        return candidate;
      }
    }
    return toward;
  }

  function applyTheme(raw) {
    var params = raw || {};
    if (typeof params === 'string') {
      try { params = JSON.parse(params); } catch (e) { params = {}; }
    }
    var root = document.documentElement;
    var colors = {};
    Object.keys(THEME_VARS).forEach(function (key) {
      var rgb = parseColor(params[key]);
      if (rgb) colors[key] = rgb;
      root.style.removeProperty(THEME_VARS[key]);
    });
    var dark = colors.bg_color
      ? luminance(colors.bg_color) < 0.2
      : window.matchMedia('(prefers-color-scheme: dark)').matches;
    root.dataset.theme = dark ? 'dark' : 'light';
    if (!colors.bg_color) return; // the stylesheet's own light or dark colours
    var bg = colors.bg_color;
    var surface = colors.secondary_bg_color || mix(bg, dark ? [255, 255, 255] : [0, 0, 0], 0.06);
    var extreme = dark ? [255, 255, 255] : [0, 0, 0];
    var text = readableOn(colors.text_color || extreme, [bg, surface], extreme);
    var set = {
      '--bg': bg, '--surface': surface, '--text': text,
      '--hint': readableOn(colors.hint_color || mix(text, bg, 0.4), [bg, surface], text),
      '--link': readableOn(colors.link_color || text, [bg, surface], text),
    };
    var accent = colors.button_color;
    var onAccent = colors.button_text_color || [255, 255, 255];
    if (accent) { // the button colour, darker or lighter until its text reads on it
      set['--accent'] = readableOn(accent, [onAccent], luminance(onAccent) > 0.5 ? [0, 0, 0] : [255, 255, 255]);
      set['--on-accent'] = onAccent;
    }
    Object.keys(set).forEach(function (name) { root.style.setProperty(name, toHex(set[name])); });
  }

  // --- The API --------------------------------------------------------------------------------

  var launch = readLaunch();
  var texts = null; // the words, once the overview has come

  function api(path, options) {
    var headers = { Accept: 'application/json' };
    if (launch.initData) headers.Authorization = 'tma ' + launch.initData;
    if (options && options.body) headers['Content-Type'] = 'application/json';
    var init = Object.assign({ headers: headers, cache: 'no-store' }, options || {});
    return fetch(new URL('api/' + path, document.baseURI), init).then(function (response) {
      return response.json().then(
        function (body) { return { status: response.status, body: body }; },
        function () { return { status: response.status, body: null }; }
      );
    });
  }

  function errorOf(reply) {
    return (reply.body && reply.body.error) || (texts && texts.failed) || '⚠️';
  }

  // On a refusal nothing of the person's stays on the page: only the API's own words.
  function showOnly(message) {
    var app = byId('app');
    app.hidden = true;
    app.replaceChildren();
    byId('busy').hidden = true;
    byId('person').textContent = '';
    var box = byId('message');
    box.textContent = message;
    box.hidden = false;
  }

  // --- Small DOM helpers ----------------------------------------------------------------------

  function byId(id) { return document.getElementById(id); }

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      var value = attributes[name];
      if (value === null || value === undefined || value === false) return;
      if (name === 'text') node.textContent = value;
      else if (name === 'class') node.className = value;
      else node.setAttribute(name, value === true ? '' : value);
    });
    (children || []).forEach(function (child) { if (child) node.append(child); });
    return node;
  }

  function textAt(path) {
    return path.split('.').reduce(function (at, key) { return at && at[key]; }, texts);
  }

  function fillTexts(root) {
    root.querySelectorAll('[data-text]').forEach(function (node) {
      node.textContent = textAt(node.dataset.text) || '';
    });
  }

  // The bot's HTML, keeping only b, i, u, line breaks and links to the web; other elements
  // give their text, but nothing of those that hold code or hidden content.
  var ALLOWED_TAGS = { B: 1, I: 1, U: 1, A: 1, BR: 1 };
  var DROPPED_TAGS = { SCRIPT: 1, STYLE: 1, TEMPLATE: 1, NOSCRIPT: 1, IFRAME: 1, OBJECT: 1, SVG: 1, MATH: 1 };

  function richText(html) {
    var template = document.createElement('template');
    template.innerHTML = html || '';
    var out = document.createDocumentFragment();
    copyAllowed(template.content, out);
    return out;
  }

  function copyAllowed(from, to) {
    from.childNodes.forEach(function (node) {
      if (node.nodeType === Node.TEXT_NODE) {
        to.append(node.textContent);
      } else if (node.nodeType === Node.ELEMENT_NODE && ALLOWED_TAGS[node.tagName]) {
        var copy = document.createElement(node.tagName);
        var href = node.getAttribute('href') || '';
        if (node.tagName === 'A' && /^https?:\/\//i.test(href)) {
          copy.href = href;
          copy.rel = 'noopener noreferrer';
          copy.target = '_blank';
        }
        copyAllowed(node, copy);
        to.append(copy);
      } else if (node.nodeType === Node.ELEMENT_NODE && !DROPPED_TAGS[node.tagName.toUpperCase()]) {
        copyAllowed(node, to);
      }
    });
  }

  // --- Tabs -----------------------------------------------------------------------------------

  function setUpTabs() {
    var tabs = Array.prototype.slice.call(document.querySelectorAll('[role="tab"]'));
    function select(tab, focus) {
      tabs.forEach(function (other) {
        var chosen = other === tab;
        other.setAttribute('aria-selected', String(chosen));
        other.tabIndex = chosen ? 0 : -1;
        byId(other.getAttribute('aria-controls')).hidden = !chosen;
      });
      if (focus) tab.focus();
      onPanelShown(tab.getAttribute('aria-controls'));
    }
    tabs.forEach(function (tab, index) {
      tab.addEventListener('click', function () { select(tab, false); });
      tab.addEventListener('keydown', function (event) {
        var to = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
        if (to === undefined) return;
        event.preventDefault();
        select(tabs[(to + tabs.length) % tabs.length], true);
      });
    });
  }

  function onPanelShown(panelId) {
    if (panelId === 'panel-pain') drawPain();
  }

  // --- Calendar -------------------------------------------------------------------------------

  function renderCalendar(calendar) {
    byId('streak').textContent = calendar.streak;
    byId('best-streak').textContent = calendar.best_streak;
    byId('this-week').textContent = calendar.this_week;
    byId('weekly-target').textContent = calendar.weekly_target;
    var share = calendar.weekly_target ? calendar.this_week / calendar.weekly_target : 0;
    byId('week-bar').style.width = Math.min(100, Math.round(share * 100)) + '%';
    byId('weekdays').replaceChildren.apply(byId('weekdays'), texts.weekdays.map(function (day) {
      return el('th', { scope: 'col', text: day });
    }));
    byId('weeks').replaceChildren.apply(byId('weeks'), calendarRows(calendar.days));
    byId('legend').replaceChildren.apply(byId('legend'), ['complete', 'partial', 'rest', 'none'].map(
      function (state) {
        return el('li', {}, [el('span', { class: 'swatch ' + state }), texts.legend[state]]);
      }
    ));
  }

  function calendarRows(days) {
    var rows = [];
    var row = null;
    days.forEach(function (day, index) {
      if (!row || day.weekday === 0) {
        row = el('tr');
        rows.push(row);
        var blanks = index === 0 ? day.weekday : 0;
        for (var i = 0; i < blanks; i += 1) row.append(el('td'));
      }
      row.append(el('td', {}, [dayCell(day)]));
    });
    while (row && row.children.length < 7) row.append(el('td'));
    return rows;
  }

  function dayCell(day) {
    var label = texts.weekdays[day.weekday] + ' ' + day.date + ': ' + texts.legend[day.state];
    return el('span', {
      class: 'day ' + day.state,
      role: 'img',
      'aria-label': label,
      'aria-current': day.today ? 'date' : null,
      'data-date': day.date,
      'data-state': day.state,
      text: String(Number(day.date.slice(8, 10))),
    });
  }

  // --- Pain -----------------------------------------------------------------------------------

  var pain = { rows: [], plot: null, width: 0, pointer: 'mouse' };
  var dayMonth = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'numeric' });

  function renderPain(rows) {
    pain.rows = rows;
    byId('pain-empty').hidden = rows.length > 0;
    byId('pain-figure').hidden = rows.length === 0;
    var body = byId('pain-table').tBodies[0];
    body.replaceChildren.apply(body, rows.map(function (row) {
      return el('tr', {}, [
        el('th', { scope: 'row', text: row.date }),
        el('td', { text: row.before === null ? '' : String(row.before) }),
        el('td', { text: row.after === null ? '' : String(row.after) }),
      ]);
    }));
    showPainValues(rows.length - 1);
    if (pain.plot) { pain.plot.destroy(); pain.plot = null; }
    if (!byId('panel-pain').hidden) drawPain();
  }

  function showPainValues(index) {
    var row = pain.rows[index];
    if (!row) return;
    byId('pain-before-now').textContent = row.before === null ? '–' : row.before;
    byId('pain-after-now').textContent = row.after === null ? '–' : row.after;
    byId('pain-when').textContent = dayMonth.format(new Date(row.date + 'T12:00')); // the chat's day
  }

  function cssVar(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  }

  function painOptions(width) {
    var grid = { stroke: cssVar('--grid'), width: 1 };
    var axis = { stroke: cssVar('--hint'), grid: grid, ticks: grid, font: '12px system-ui, sans-serif' };
    var point = function (color, fill) {
      return { show: true, size: 9, width: 2, stroke: color, fill: fill };
    };
    return {
      width: width,
      height: 220,
      legend: { show: false },
      cursor: {
        drag: { x: false, y: false },
        points: { size: 12 },
        // A browser ends a tap with a mouseleave: the tapped point's values stay until the next.
        bind: { mouseleave: function (u, target, handler) {
          return function (event) { if (pain.pointer === 'mouse') handler(event); return null; };
        } },
      },
      scales: { x: { time: true, range: paddedRange }, y: { range: [0, 10] } },
      axes: [
        Object.assign({ space: 56, values: function (u, splits) {
          return splits.map(function (s) { return dayMonth.format(new Date(s * 1000)); });
        } }, axis),
        Object.assign({ size: 32, splits: function () { return [0, 2, 4, 6, 8, 10]; } }, axis),
      ],
      series: [
        {},
        { stroke: cssVar('--before'), width: 2, spanGaps: true, points: point(cssVar('--before'), cssVar('--bg')) },
        { stroke: cssVar('--after'), width: 2, spanGaps: true, points: point(cssVar('--after'), cssVar('--after')) },
      ],
      hooks: {
        setCursor: [function (u) {
          showPainValues(u.cursor.idx === null || u.cursor.idx === undefined ? pain.rows.length - 1 : u.cursor.idx);
        }],
      },
    };
  }

  function paddedRange(u, min, max) {
    var pad = max > min ? (max - min) * 0.06 : 3 * 86400;
    return [min - pad, max + pad];
  }

  function drawPain() {
    var box = byId('pain-chart');
    var width = box.clientWidth;
    if (!pain.rows.length || !width || !window.uPlot) return;
    if (pain.plot && width === pain.width) return;
    if (pain.plot) pain.plot.destroy();
    var data = [
      pain.rows.map(function (row) { return Date.parse(row.at) / 1000; }),
      pain.rows.map(function (row) { return row.before; }),
      pain.rows.map(function (row) { return row.after; }),
    ];
    pain.width = width;
    pain.plot = new window.uPlot(painOptions(width), data, box);
    followTouch(pain.plot);
  }

  // A finger on the chart moves its cursor as a mouse would, so a tap shows that day's values.
  function followTouch(plot) {
    function move(event) {
      pain.pointer = event.pointerType;
      if (event.pointerType === 'mouse') return; // uPlot follows the mouse itself
      var rect = plot.over.getBoundingClientRect();
      plot.setCursor({ left: event.clientX - rect.left, top: event.clientY - rect.top });
    }
    plot.over.addEventListener('pointerdown', move);
    plot.over.addEventListener('pointermove', move);
  }

  // --- Levels ---------------------------------------------------------------------------------

  function renderLevels(levels) {
    byId('levels-empty').hidden = levels.length > 0;
    var list = byId('levels');
    list.replaceChildren.apply(list, levels.map(function (item) {
      var pips = [];
      for (var i = 1; i <= item.levels; i += 1) {
        pips.push(el('span', { class: i <= item.level ? 'pip on' : 'pip' }));
      }
      return el('li', { 'data-id': item.id }, [
        el('span', { class: 'name', text: item.name }),
        el('span', { class: 'level' }, [
          el('span', { text: texts.level + ' ' + item.level + '/' + item.levels }),
          el('span', { class: 'pips', 'aria-hidden': 'true' }, pips),
        ]),
        el('span', { class: 'dose', text: item.dose }),
      ]);
    }));
  }

  // --- Exercise library -----------------------------------------------------------------------

  var reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
  // Only the pictures on screen play (none while their tab is hidden).
  var videoWatch = 'IntersectionObserver' in window
    ? new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) { playOrPause(entry.target, entry.isIntersecting); });
    })
    : null;

  function renderLibrary(items) {
    var box = byId('library');
    box.replaceChildren.apply(box, items.map(function (item) {
      var heading = 'exercise-' + item.id;
      return el('article', { class: 'exercise', 'aria-labelledby': heading, 'data-id': item.id }, [
        el('h3', { id: heading, text: item.name }),
        item.target ? el('p', { class: 'target', text: item.target }) : null,
        item.animation ? demonstration(item, heading) : null,
        item.dose ? el('p', { class: 'dose', text: item.dose }) : null,
        section(texts.how, item.how, true),
        section(texts.works, item.works, false),
        section(texts.why, item.why, false),
      ]);
    }));
  }

  function demonstration(item, heading) {
    var video = el('video', {
      src: new URL(item.animation, document.baseURI).href,
      autoplay: !reducedMotion.matches, loop: true, muted: true, playsinline: true,
      preload: 'metadata', controls: reducedMotion.matches, 'aria-labelledby': heading,
      disablepictureinpicture: true, width: 480, height: 320,
    });
    video.muted = true; // the attribute alone is not enough for autoplay everywhere
    // A tap pauses or plays it: a looping picture can be stopped (WCAG 2.2.2).
    video.addEventListener('click', function () {
      video.dataset.held = video.paused ? '' : '1';
      playOrPause(video, true);
    });
    if (videoWatch) videoWatch.observe(video);
    return video;
  }

  function playOrPause(video, visible) {
    var wanted = visible && !video.dataset.held && !reducedMotion.matches;
    if (wanted && video.paused) video.play().catch(function () { /* not allowed yet */ });
    else if (!wanted && !video.paused) video.pause();
  }

  function section(title, html, open) {
    if (!html) return null;
    return el('details', { open: open }, [
      el('summary', { text: title }),
      el('div', { class: 'rich' }, [richText(html)]),
    ]);
  }

  function openLinksInTelegram(event) {
    var link = event.target.closest && event.target.closest('a[href]');
    var inTelegram = window.TelegramWebviewProxy || window.parent !== window;
    if (!link || !inTelegram) return;
    event.preventDefault();
    postEvent('web_app_open_link', { url: link.href });
  }

  // --- Settings -------------------------------------------------------------------------------

  var FEW_CHOICES = 5; // up to this many: radio buttons side by side; more: a list to choose from

  function renderSettings(settings) {
    var form = byId('settings');
    form.replaceChildren.apply(form, settings.fields.map(settingField));
  }

  function settingField(field) {
    var id = 'setting-' + field.name;
    var status = el('p', { class: 'field-status', id: id + '-status', role: 'status' });
    if (field.options.length > FEW_CHOICES) {
      var select = el('select', { id: id, name: field.name, 'aria-describedby': id + '-status' },
        field.options.map(function (option) {
          return el('option', { value: option.value, text: option.label, selected: option.value === field.value });
        }));
      select.addEventListener('change', function () { save(field.name, select.value, status); });
      return el('div', { class: 'field', 'data-name': field.name }, [
        el('label', { for: id, class: 'field-label', text: field.label }), select, status,
      ]);
    }
    var choices = field.options.map(function (option) {
      var input = el('input', {
        type: 'radio', name: field.name, value: option.value, checked: option.value === field.value,
      });
      input.addEventListener('change', function () { save(field.name, option.value, status); });
      return el('label', { class: 'choice' }, [input, el('span', { text: option.label })]);
    });
    return el('fieldset', { class: 'field', 'data-name': field.name, 'aria-describedby': id + '-status' }, [
      el('legend', { class: 'field-label', text: field.label }),
      el('div', { class: 'choices' }, choices),
      status,
    ]);
  }

  function save(name, value, status) {
    var form = byId('settings');
    form.querySelectorAll('.field-status').forEach(function (other) { other.textContent = ''; });
    form.setAttribute('aria-busy', 'true');
    status.className = 'field-status';
    status.textContent = texts.loading;
    api('settings', { method: 'POST', body: JSON.stringify({ name: name, value: value }) })
      .then(function (reply) {
        if (reply.status === 401) return showOnly(errorOf(reply));
        var ok = reply.status === 200 && reply.body && reply.body.settings;
        if (ok) showSettings(reply.body.settings);
        else resetField(name);
        if (ok) refresh();
        var again = byId('setting-' + name + '-status');
        again.className = ok ? 'field-status saved' : 'field-status failed';
        again.textContent = ok ? reply.body.saved : errorOf(reply);
      }, function () {
        resetField(name);
        status.className = 'field-status failed';
        status.textContent = texts.failed;
      })
      .then(function () { form.removeAttribute('aria-busy'); });
  }

  // The answer's fields, shown in place, so focus stays on the control just used.
  function showSettings(settings) {
    var form = byId('settings');
    var same = settings.fields.every(function (field) {
      return form.querySelector('[data-name="' + CSS.escape(field.name) + '"]');
    }) && settings.fields.length === form.children.length;
    current.settings = settings;
    if (!same) return renderSettings(settings);
    settings.fields.forEach(setFieldValue);
  }

  function setFieldValue(field) {
    var box = byId('settings').querySelector('[data-name="' + CSS.escape(field.name) + '"]');
    box.querySelectorAll('input, option').forEach(function (control) {
      var on = control.value === field.value;
      if (control.tagName === 'OPTION') control.selected = on;
      else control.checked = on;
    });
  }

  function resetField(name) {
    var field = current.settings.fields.filter(function (f) { return f.name === name; })[0];
    if (field) setFieldValue(field);
  }

  // A choice can change the other tabs (the weekly target, the exercises without a roller):
  // they are drawn again from a fresh overview; the settings stay as they are, focus and all.
  function refresh() {
    api('overview').then(function (reply) {
      if (reply.status === 401) return showOnly(errorOf(reply));
      if (reply.status !== 200 || !reply.body || !reply.body.calendar) return;
      var fresh = reply.body;
      renderCalendar(fresh.calendar);
      renderLevels(fresh.levels);
      if (JSON.stringify(fresh.library) !== JSON.stringify(current.library)) renderLibrary(fresh.library);
      current.library = fresh.library;
    }, function () { /* the next look shows it */ });
  }

  // --- Start ----------------------------------------------------------------------------------

  var current = {};

  function render(overview) {
    texts = overview.texts;
    current = overview;
    document.title = texts.title;
    document.documentElement.lang = texts.locale;
    fillTexts(document);
    byId('person').textContent = (overview.person && overview.person.first_name) || '';
    renderCalendar(overview.calendar);
    renderPain(overview.pain);
    renderLevels(overview.levels);
    renderLibrary(overview.library);
    renderSettings(overview.settings);
    byId('busy').hidden = true;
    byId('app').hidden = false;
    onPanelShown(document.querySelector('[role="tab"][aria-selected="true"]').getAttribute('aria-controls'));
  }

  function retheme(params) {
    applyTheme(params);
    if (pain.plot) { pain.plot.destroy(); pain.plot = null; drawPain(); }
  }

  function start() {
    applyTheme(launch.theme);
    onTelegramEvent(function (type, data) {
      if (type === 'theme_changed' && data) retheme(data.theme_params);
    });
    if (!launch.theme) {
      window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', function () {
        retheme(null);
      });
    }
    if (window.parent !== window) postEvent('iframe_ready', {});
    postEvent('web_app_ready');
    postEvent('web_app_expand');
    setUpTabs();
    document.addEventListener('click', openLinksInTelegram);
    window.addEventListener('resize', drawPain);
    api('overview').then(function (reply) {
      if (reply.status === 200 && reply.body && reply.body.texts) render(reply.body);
      else showOnly(errorOf(reply));
    }, function () { showOnly('⚠️'); });
  }

  start();
})();
