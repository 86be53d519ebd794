// Runs first in <body>, as GOV.UK Frontend asks, so styles for script-enhanced components apply before paint.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
