// Photos (issue 13.1). Progressive only: without it the form posts the photo as chosen and the server makes it
// smaller. With it, a photo chosen on a phone is made smaller here first (a camera's 3 to 5 MB become a few
// hundred KB, which is what decides how long saving takes on a slow connection), and the sending shows its
// progress. The form's fields go along unchanged, its client token too, so a second press still makes nothing.
(function () {
  'use strict';
  var LONGEST = 1600;
  var QUALITY = 0.85;
  if (!window.FormData || !window.XMLHttpRequest || !window.createImageBitmap || !window.DataTransfer) { return; }

  Array.prototype.forEach.call(document.querySelectorAll('.photo-upload'), function (box) {
    var form = box.closest('form');
    var input = form && form.querySelector('input[type="file"][name="photo"]');
    if (!input || form.dataset.photoUpload) { return; }
    form.dataset.photoUpload = 'on';
    var button = form.querySelector('button[type="submit"]');
    if (button) { button.parentNode.insertBefore(box, button); }
    var busy = false;
    form.addEventListener('submit', function (event) {
      // offline.js keeps a note on the phone without a connection: it stops the event before it gets here.
      if (event.defaultPrevented || !input.files.length) { return; }
      event.preventDefault();
      if (!busy) {
        busy = true;
        send(form, input, box);
      }
    });
    // Back to this page from the next one (the browser kept it as it was): the form may be sent again.
    window.addEventListener('pageshow', function (event) {
      if (event.persisted) {
        busy = false;
        box.hidden = true;
      }
    });
  });

  /** The smaller photo with the form's fields; then the page the server answers with. */
  function send(form, input, box) {
    var chosen = input.files[0];
    var progress = box.querySelector('progress');
    var status = box.querySelector('.photo-upload-status');
    var texts = box.dataset;
    box.hidden = false;
    progress.removeAttribute('value');
    status.textContent = texts.shrinking;
    smaller(chosen).then(function (photo) {
      var data = new FormData(form);
      data.set('photo', photo, photo === chosen ? chosen.name : jpegName(chosen.name));
      post(form, data, progress, status).then(function (page) {
        status.textContent = texts.done;
        window.location.assign(page);
      }, function () {
        // Refused (the server's form then says why, as without JavaScript) or the connection dropped on the way
        // (the service worker then keeps the note on the phone, see offline.js): the form posts itself, with the
        // smaller photo in it. Its client token makes sure that a note the server did get is made only once.
        status.textContent = texts.sending;
        var kept = new DataTransfer();
        kept.items.add(photo);
        input.files = kept.files;
        HTMLFormElement.prototype.submit.call(form);
      });
    });
  }

  /**
   * The photo at most LONGEST pixels on its longest side, upright (the browser applies the camera's orientation
   * when it decodes) and without any metadata (a canvas writes none); the photo as chosen when it is small
   * already or the browser cannot read it (the server then decides).
   */
  function smaller(file) {
    if (!/^image\/(jpeg|png|webp)$/.test(file.type)) { return Promise.resolve(file); }
    return createImageBitmap(file, { imageOrientation: 'from-image' }).then(function (bitmap) {
      var scale = Math.min(1, LONGEST / Math.max(bitmap.width, bitmap.height));
      // A WebP is turned into a JPEG whatever its size: the server takes JPEG and PNG.
      if (scale === 1 && file.size < 700 * 1024 && file.type !== 'image/webp') { bitmap.close(); return file; }
      var canvas = document.createElement('canvas');
      canvas.width = Math.round(bitmap.width * scale);
      canvas.height = Math.round(bitmap.height * scale);
      var context = canvas.getContext('2d');
      context.imageSmoothingEnabled = true;
      context.imageSmoothingQuality = 'high';
      context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      bitmap.close();
      var type = file.type === 'image/png' ? 'image/png' : 'image/jpeg';
      return new Promise(function (resolve) { canvas.toBlob(resolve, type, QUALITY); }).then(function (blob) {
        if (!blob || (blob.size >= file.size && file.type !== 'image/webp')) { return file; }
        return new File([blob], type === 'image/png' ? file.name : jpegName(file.name), { type: type });
      });
    }).catch(function () { return file; });
  }

  function jpegName(name) {
    return (name || 'photo').replace(/\.[^.]*$/, '') + '.jpg';
  }

  /** Posts with progress; resolves with the page the server sends the person to, rejects otherwise. */
  function post(form, data, progress, status) {
    var texts = status.parentNode.dataset;
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      var action = new URL(form.getAttribute('action'), window.location.href);
      var shown = -1;
      xhr.open('POST', action.href);
      xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
      xhr.upload.addEventListener('progress', function (event) {
        if (!event.lengthComputable) { return; }
        var percent = Math.floor(event.loaded * 100 / event.total);
        progress.value = percent;
        // A screen reader hears every quarter, not every packet.
        var quarter = Math.floor(percent / 25) * 25;
        if (quarter !== shown) {
          shown = quarter;
          status.textContent = shown === 0 ? texts.sending : texts.percent.replace('#', shown);
        }
      });
      xhr.addEventListener('load', function () {
        // Saved: the server names the page to go to (see Pages.redirect) rather than sending the browser there.
        var page = xhr.status === 204 && xhr.getResponseHeader('Location');
        if (page) {
          resolve(new URL(page, window.location.href).href);
        } else {
          reject();
        }
      });
      xhr.addEventListener('error', function () { reject(); });
      xhr.send(data);
    });
  }
})();
