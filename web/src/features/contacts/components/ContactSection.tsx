import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatEuro } from '../../../lib/format';
import { ApiErrorMessage } from '../../../ui/ApiErrorMessage';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { Loading } from '../../../ui/Status';
import { useContact } from '../hooks/use-contact';
import { useDeleteContact } from '../hooks/use-delete-contact';
import { ContactForm } from './ContactForm';

/** Personal data of the unit (landlord, asking rent), for the town's editors only. */
export function ContactSection({
  storefrontId,
  storefrontVersion,
}: {
  storefrontId: string;
  storefrontVersion: number;
}) {
  const { t } = useTranslation();
  const contact = useContact(storefrontId, true);
  const remove = useDeleteContact(storefrontId);
  const [editing, setEditing] = useState(false);
  // What the last action did, in a live region that is always there (one added with its text is often not read).
  const [said, setSaid] = useState('');
  // After the form closes or the contact is deleted, the focus goes back to the section's button (it
  // had fallen to the page with the form or the delete button it was on).
  const button = useRef<HTMLButtonElement>(null);
  const [returnFocus, setReturnFocus] = useState(0);
  useEffect(() => {
    if (returnFocus > 0) button.current?.focus();
  }, [returnFocus]);
  const c = contact.data;
  return (
    <section aria-labelledby="contact-heading" className="contact" data-testid="contact-section">
      <h3 id="contact-heading">{t('contact.title')}</h3>
      <p className="hint">{t('contact.privacy')}</p>
      {contact.isPending && <Loading />}
      {contact.error && <ApiErrorMessage error={contact.error} />}
      {editing ? (
        <ContactForm
          storefrontId={storefrontId}
          storefrontVersion={storefrontVersion}
          contact={c ?? null}
          onDone={(saved) => {
            setEditing(false);
            setSaid(saved ? t('form.saved') : '');
            setReturnFocus((n) => n + 1);
          }}
        />
      ) : (
        contact.isSuccess && (
          <>
            {c ? (
              <dl className="facts">
                <dt>{t('contact.ownerName')}</dt>
                <dd>{c.ownerName ?? '–'}</dd>
                <dt>{t('contact.ownerPhone')}</dt>
                <dd>{c.ownerPhone ?? '–'}</dd>
                <dt>{t('contact.ownerEmail')}</dt>
                <dd>{c.ownerEmail ?? '–'}</dd>
                <dt>{t('contact.askingRent')}</dt>
                <dd>{formatEuro(c.askingRentEurMonth)}</dd>
                <dt>{t('contact.note')}</dt>
                <dd>{c.note ?? '–'}</dd>
              </dl>
            ) : (
              <p>{t('contact.none')}</p>
            )}
            <div className="panel-actions">
              <button
                type="button"
                className="button"
                ref={button}
                onClick={() => {
                  setSaid('');
                  setEditing(true);
                }}
              >
                {c ? t('contact.edit') : t('contact.add')}
              </button>
              {c && (
                <ConfirmButton
                  danger
                  label={t('contact.delete')}
                  question={t('contact.deleteQuestion')}
                  confirmLabel={t('contact.deleteConfirm')}
                  disabled={remove.isPending}
                  onConfirm={() =>
                    remove.mutate(storefrontVersion, {
                      onSuccess: () => {
                        setSaid(t('contact.deleted'));
                        setReturnFocus((n) => n + 1);
                      },
                    })
                  }
                />
              )}
            </div>
            {remove.error && <ApiErrorMessage error={remove.error} />}
          </>
        )
      )}
      <p role="status" className="contact__status" data-testid="contact-status">
        {said}
      </p>
    </section>
  );
}
