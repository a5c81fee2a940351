// Small helps for the dashboard; every page works without them.
(function () {
  // A theme form whose boxes changed shows that it needs saving.
  document.querySelectorAll('form.themes-form').forEach(function (form) {
    form.addEventListener('change', function () { form.classList.add('changed'); });
  });
  // While retraining runs, follow its status and reload when it ends.
  var status = document.getElementById('retrain-status');
  if (status && status.dataset.state === 'running') {
    var timer = setInterval(function () {
      fetch(status.dataset.url, {credentials: 'same-origin'}).then(function (r) { return r.json(); })
        .then(function (s) { if (s.state !== 'running') { clearInterval(timer); location.reload(); } })
        .catch(function () {});
    }, 3000);
  }
  // A broadcast being sent: refresh its progress every few seconds.
  var sending = document.getElementById('broadcast-status');
  if (sending && sending.dataset.status === 'sending') {
    setTimeout(function () { location.reload(); }, 3000);
  }
  // Composing a broadcast: the audience count, segments and cost, live.
  var compose = document.getElementById('compose');
  var live = document.getElementById('live-preview');
  if (compose && live) {
    var pending;
    var update = function () {
      clearTimeout(pending);
      pending = setTimeout(function () {
        fetch(compose.dataset.previewUrl, {method: 'POST', body: new FormData(compose), credentials: 'same-origin'})
          .then(function (r) { return r.json(); })
          .then(function (p) {
            if (p.error) { live.textContent = p.error; return; }
            var channels = Object.keys(p.per_channel).sort().map(function (c) { return c + ' ' + p.per_channel[c]; });
            var lines = [p.recipients + ' resident' + (p.recipients === 1 ? '' : 's') + (channels.length ? ': ' + channels.join(', ') : ''),
              'SMS: ' + p.sms.segments + ' segment' + (p.sms.segments === 1 ? '' : 's') + ' each (' + p.sms.encoding + ', ' +
              p.sms.units + ' characters). Estimated cost ' + p.cost.toFixed(2) + ' (budget cap ' + p.budget_cap.toFixed(2) + ').']
              .concat(p.notes);
            if (p.held_until) { lines.push('Quiet hours: sending will be held until ' + p.held_until.replace('T', ' ') + ' UTC.'); }
            if (p.over_budget) { lines.push('Over the budget cap: preview, then tick the override to send.'); }
            live.textContent = '';
            lines.forEach(function (text) { var el = document.createElement('p'); el.textContent = text; live.appendChild(el); });
          }).catch(function () {});
      }, 300);
    };
    compose.addEventListener('input', update);
    compose.addEventListener('change', update);
  }
})();
