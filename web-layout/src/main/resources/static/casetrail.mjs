// Progressive enhancement only: every page and form works without this file.
const base = document.querySelector('script[data-govuk]').dataset.govuk;
import(base + '/govuk-frontend.min.js').then((govuk) => govuk.initAll());

// "Add another": a repeating group (attendees, professionals) gets a fresh row without a round trip.
for (const button of document.querySelectorAll('[data-casetrail-add-row]')) {
  button.hidden = false;
  button.addEventListener('click', () => {
    const list = document.getElementById(button.dataset.casetrailAddRow);
    const rows = list.querySelectorAll('[data-casetrail-row]');
    const template = rows[rows.length - 1];
    const row = template.cloneNode(true);
    const index = rows.length;
    for (const field of row.querySelectorAll('input, select, textarea, label')) {
      for (const attribute of ['id', 'for', 'aria-describedby']) {
        const value = field.getAttribute(attribute);
        if (value) {
          field.setAttribute(attribute, value.replace(/-\d+(?=-|$)/, '-' + index));
        }
      }
      if (field.tagName === 'INPUT' || field.tagName === 'TEXTAREA') {
        field.value = '';
      } else if (field.tagName === 'SELECT') {
        field.selectedIndex = 0;
      }
    }
    const legend = row.querySelector('legend');
    if (legend) {
      legend.textContent = legend.textContent.replace(/\d+/, String(index + 1));
    }
    template.after(row);
    row.querySelector('input, select, textarea').focus();
  });
}
