// Browser mode: the file's bytes go to the local backend's /upload endpoint (same origin, the
// session token in its header) and come back as a path the importer can read.
// XMLHttpRequest rather than fetch, for upload progress.
import { authHeaders } from '../../browser-session';

export async function uploadFile(file: File, onProgress: (sent: number) => void): Promise<string> {
  const headers = await authHeaders();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `./upload?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => onProgress(event.loaded);
    xhr.onerror = () => reject(new Error(`Could not send ${file.name} to Ladder.`));
    xhr.onload = () => {
      if (xhr.status === 403)
        return reject(new Error('This page is not authorised; open the address Ladder printed when it started.'));
      try {
        const reply = JSON.parse(xhr.responseText) as
          { ok: true; value: { path: string } } | { ok: false; error: { message: string } };
        if (reply.ok) resolve(reply.value.path);
        else reject(new Error(reply.error.message));
      } catch {
        reject(new Error(`Ladder could not take ${file.name} (HTTP ${xhr.status}).`));
      }
    };
    xhr.send(file);
  });
}
