-- Why a landlord delivery failed, as a code the pages show in the reader's language; failure_reason
-- keeps the mail server's technical detail beside it.
alter table packet_delivery add column failure_code varchar(30)
    check (failure_code in ('SERVER_UNREACHABLE', 'SERVER_TIMEOUT', 'CONNECTION_LOST', 'ADDRESS_REFUSED',
                            'MESSAGE_REFUSED', 'MESSAGE_NOT_MADE', 'OTHER'));

-- Failures recorded before: the code from the words the mailer wrote then.
update packet_delivery set failure_code = case
        when failure_reason like 'Could not connect to the mail server%' then 'SERVER_UNREACHABLE'
        when failure_reason like 'The mail server refused the address%' then 'ADDRESS_REFUSED'
        when failure_reason like 'The mail server did not take the message%' then 'MESSAGE_REFUSED'
        when failure_reason like 'The message could not be made%' then 'MESSAGE_NOT_MADE'
        else 'OTHER' end
    where status = 'FAILED';

alter table packet_delivery add constraint packet_delivery_failure_code
    check ((status = 'FAILED') = (failure_code is not null));
