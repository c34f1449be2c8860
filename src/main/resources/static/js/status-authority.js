// Health-authority page: a large feed takes seconds; show that it is being processed and prevent a
// second submission of the same file.
(function () {
  var form = document.getElementById('feed-form');
  if (!form) return;
  form.addEventListener('submit', function () {
    var button = document.getElementById('feed-submit');
    var progress = document.getElementById('feed-progress');
    if (button) { button.disabled = true; button.textContent = button.getAttribute('data-busy'); }
    if (progress) progress.hidden = false;
  });
})();
