// Marks the page as running JavaScript before it paints, so text meant only for visitors without JavaScript stays hidden (a file, not inline: the CSP allows scripts from this origin only).
document.documentElement.classList.add('js');
