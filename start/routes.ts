/*
| Routes, split by area. Every route has a name (resource.action).
*/
import './routes/public.js'
import './routes/web.js'
import './routes/messaging.js'
import './routes/imports.js'
import './routes/fake_carrier.js'
import './routes/contacts.js'
import './routes/campaigns.js'
import './routes/scripts.js'
import './routes/texting_hours.js'
import './routes/canned_responses.js'
import './routes/texting.js'
import './routes/assignments.js'
import './routes/reports.js'
import './routes/conversations.js'
import './routes/auto_answers.js'
import './routes/audit.js'
import './routes/webhook_endpoints.js'
import './routes/integrations.js'
// Last: it ends with the catch-all that answers unknown /api paths.
import './routes/api.js'
