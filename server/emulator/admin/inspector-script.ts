// The browser side of /inspector: polls GET /admin/requests every second (filtered by app_trans_id)
// and draws each exchange with DOM text nodes only, so nothing a merchant sent can become markup.
export const INSPECTOR_SCRIPT = `
(function () {
  var list = document.getElementById('entries');
  var filter = document.getElementById('filter');
  var live = document.getElementById('live-status');
  var shown = '';
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function field(dl, label, value, testId) {
    dl.appendChild(el('dt', null, label));
    var dd = el('dd');
    var pre = el('pre', null, value);
    if (testId) pre.setAttribute('data-testid', testId);
    dd.appendChild(pre);
    dl.appendChild(dd);
  }
  function rawText(raw) {
    var text = raw.method + ' ' + raw.url;
    if (raw.content_type) text += '\\nContent-Type: ' + raw.content_type;
    if (raw.body) text += '\\n\\n' + raw.body;
    return text;
  }
  function delivery(d) {
    var head = '#' + d.attempt + ' ' + d.kind + ' -> ' + d.url + ' (' + d.duration_ms + ' ms)\\n';
    var answer = d.http_status === null ? 'no answer: ' + d.error : 'HTTP ' + d.http_status + '  ' + (d.reply || '');
    return head + answer + '\\n' + (d.accepted ? 'accepted: retries stop' : 'not accepted');
  }
  function entry(e) {
    var article = el('article', 'entry ' + e.kind + (e.mac && !e.mac.matches ? ' bad' : ''));
    article.setAttribute('data-testid', 'entry');
    article.setAttribute('data-endpoint', e.endpoint);
    var title = e.endpoint + (e.app_id !== null ? '  app ' + e.app_id : '') + (e.app_trans_id ? '  ' + e.app_trans_id : '');
    article.appendChild(el('h2', null, title));
    article.appendChild(el('p', 'meta', new Date(e.at).toISOString() + '  ' + e.note));
    if (e.hints.length > 0) {
      var ul = el('ul', 'hints');
      ul.setAttribute('data-testid', 'hints');
      e.hints.forEach(function (hint) { ul.appendChild(el('li', null, hint)); });
      article.appendChild(ul);
    }
    var dl = el('dl');
    if (e.raw) field(dl, e.kind === 'redirect' ? 'Redirect' : 'Request', rawText(e.raw), 'raw');
    if (e.mac) {
      field(dl, 'Formula (signed with ' + e.mac.key + ')', e.mac.formula, 'formula');
      field(dl, 'Signed string', e.mac.signed_string, 'signed-string');
      field(dl, 'Expected MAC', e.mac.expected, 'expected-mac');
      field(dl, 'Received MAC' + (e.mac.matches ? ' (matches)' : ' (does not match)'), e.mac.received, 'received-mac');
    }
    if (e.response) field(dl, 'Answer', JSON.stringify(e.response, null, 1), 'answer');
    if (e.deliveries) {
      if (e.deliveries.length === 0) field(dl, 'Deliveries', 'none yet');
      e.deliveries.forEach(function (d) { field(dl, 'Delivery', delivery(d), 'delivery'); });
    }
    article.appendChild(dl);
    return article;
  }
  function render(entries) {
    var nodes = entries.slice().reverse().map(entry);
    if (nodes.length === 0) nodes = [el('p', 'empty', 'Nothing yet: call the API, pay an order, and it shows up here.')];
    list.replaceChildren.apply(list, nodes);
  }
  function refresh() {
    var query = filter.value.trim();
    fetch('/admin/requests' + (query ? '?app_trans_id=' + encodeURIComponent(query) : ''), { cache: 'no-store' })
      .then(function (response) { return response.json(); })
      .then(function (body) {
        var text = JSON.stringify(body.requests);
        if (text !== shown) { shown = text; render(body.requests); }
        live.textContent = 'Live: ' + body.requests.length + ' shown, checked ' + new Date().toLocaleTimeString();
      })
      .catch(function () { live.textContent = 'Live updates paused: the emulator does not answer.'; });
  }
  filter.addEventListener('input', function () {
    var query = filter.value.trim();
    history.replaceState(null, '', query ? '?app_trans_id=' + encodeURIComponent(query) : location.pathname);
    refresh();
  });
  refresh();
  setInterval(refresh, 1000);
})();
`;
