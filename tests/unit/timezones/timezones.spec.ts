import { test } from '@japa/runner'
import { localityFromPhone, localityFromZip, localityOf } from '#services/timezones/index'

test.group('Time zones | by ZIP code', () => {
  test('{zip} ({place}) is in {timezone}, {state}')
    .with([
      { zip: '10001', place: 'New York', timezone: 'America/New_York', state: 'NY' },
      { zip: '33101', place: 'Miami', timezone: 'America/New_York', state: 'FL' },
      { zip: '60601', place: 'Chicago', timezone: 'America/Chicago', state: 'IL' },
      { zip: '42101', place: 'Bowling Green, KY', timezone: 'America/Chicago', state: 'KY' },
      { zip: '40202', place: 'Louisville', timezone: 'America/Kentucky/Louisville', state: 'KY' },
      { zip: '47710', place: 'Evansville, IN', timezone: 'America/Chicago', state: 'IN' },
      {
        zip: '46204',
        place: 'Indianapolis',
        timezone: 'America/Indiana/Indianapolis',
        state: 'IN',
      },
      { zip: '32501', place: 'Pensacola', timezone: 'America/Chicago', state: 'FL' },
      { zip: '80202', place: 'Denver', timezone: 'America/Denver', state: 'CO' },
      { zip: '79901', place: 'El Paso', timezone: 'America/Denver', state: 'TX' },
      { zip: '97914', place: 'Ontario, OR', timezone: 'America/Boise', state: 'OR' },
      { zip: '85001', place: 'Phoenix (no DST)', timezone: 'America/Phoenix', state: 'AZ' },
      { zip: '98101', place: 'Seattle', timezone: 'America/Los_Angeles', state: 'WA' },
      { zip: '83814', place: 'Coeur d’Alene, ID', timezone: 'America/Los_Angeles', state: 'ID' },
      { zip: '99501', place: 'Anchorage', timezone: 'America/Anchorage', state: 'AK' },
      { zip: '99801', place: 'Juneau', timezone: 'America/Juneau', state: 'AK' },
      { zip: '99546', place: 'Adak (Hawaii–Aleutian)', timezone: 'America/Adak', state: 'AK' },
      { zip: '96813', place: 'Honolulu', timezone: 'Pacific/Honolulu', state: 'HI' },
      { zip: '00901', place: 'San Juan', timezone: 'America/Puerto_Rico', state: 'PR' },
      { zip: '00802', place: 'St. Thomas', timezone: 'America/St_Thomas', state: 'VI' },
      { zip: '96910', place: 'Guam', timezone: 'Pacific/Guam', state: 'GU' },
      { zip: '79847', place: 'Salt Flat, TX (corrected)', timezone: 'America/Denver', state: 'TX' },
    ])
    .run(({ assert }, { zip, timezone, state }) => {
      assert.deepEqual(localityFromZip(zip), { timezone, candidates: [], state })
    })

  test('an uncertain ZIP keeps its candidate zones', ({ assert }) => {
    // Van Horn, TX: legally Central, keeps Mountain time.
    assert.deepEqual(localityFromZip('79855'), {
      timezone: null,
      candidates: ['America/Chicago', 'America/Denver'],
      state: 'TX',
    })
  })

  test('a ZIP the tables lack falls back on its 3-digit prefix', ({ assert }) => {
    // 100xx is all New York City.
    assert.deepEqual(localityFromZip('10099'), {
      timezone: 'America/New_York',
      candidates: [],
      state: 'NY',
    })
    assert.deepEqual(localityFromZip('00000'), { timezone: null, candidates: [], state: null })
  })
})

test.group('Time zones | by phone number', () => {
  test('{phone} is in {timezone}')
    .with([
      { phone: '+12125550100', timezone: 'America/New_York' },
      { phone: '+13125550100', timezone: 'America/Chicago' },
      { phone: '+13035550100', timezone: 'America/Denver' },
      { phone: '+16025550100', timezone: 'America/Phoenix' },
      { phone: '+14155550100', timezone: 'America/Los_Angeles' },
      { phone: '+18085550100', timezone: 'Pacific/Honolulu' },
      { phone: '+17875550100', timezone: 'America/Puerto_Rico' },
      { phone: '+19395550100', timezone: 'America/Puerto_Rico' },
      { phone: '+12707810100', timezone: 'America/Chicago' },
      { phone: '+442079460958', timezone: 'Europe/London' },
    ])
    .run(({ assert }, { phone, timezone }) => {
      assert.deepEqual(localityFromPhone(phone), { timezone, candidates: [], state: null })
    })

  test('an area code that spans zones answers all of them for an exchange it does not list', ({
    assert,
  }) => {
    // 270 (western Kentucky) is split between Central and Eastern time.
    assert.deepEqual(localityFromPhone('+12705550188').candidates, [
      'America/Chicago',
      'America/New_York',
    ])
    // Alaska's single area code spans the Alaska and Hawaii–Aleutian zones.
    assert.includeMembers(localityFromPhone('+19075550100').candidates, [
      'America/Adak',
      'America/Anchorage',
    ])
    assert.isNull(localityFromPhone('+19075550100').timezone)
  })

  test('a number with no known prefix has no zone', ({ assert }) => {
    assert.deepEqual(localityFromPhone('+18005550100'), {
      timezone: null,
      candidates: [],
      state: null,
    })
  })
})

test.group('Time zones | a contact', () => {
  test('the ZIP decides over the phone number', ({ assert }) => {
    // A Manhattan number, but the person lives in Bowling Green.
    assert.deepEqual(localityOf('42101', '+12125550100'), {
      timezone: 'America/Chicago',
      candidates: [],
      state: 'KY',
    })
  })

  test('without a usable ZIP the phone number decides', ({ assert }) => {
    assert.equal(localityOf(null, '+13125550100').timezone, 'America/Chicago')
    assert.equal(localityOf('SW1A 1AA', '+442079460958').timezone, 'Europe/London')
  })
})
