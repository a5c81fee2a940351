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
})();
